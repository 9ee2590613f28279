-- Schema version 2: what identifies a file's version on disk also has its inode and its
-- change time, which no copy can set: a file replaced in place by other bytes of the same
-- size and modification time (cp -p) is read again. Rows from version 1 match nothing,
-- so each of their files is read once more.
ALTER TABLE seen ADD COLUMN ctime_ns INTEGER NOT NULL DEFAULT -1;
ALTER TABLE seen ADD COLUMN ino INTEGER NOT NULL DEFAULT -1;
