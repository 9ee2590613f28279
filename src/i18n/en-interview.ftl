# The interview screen, in English.
