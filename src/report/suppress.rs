//! Small-cell suppression (`--min-cell K`): in a table by structure within a response,
//! a count of one or two can single out a person. A count from 1 to K−1 is not shown
//! (primary suppression), and neither is any cell that would let a reader work one out
//! from the totals that are shown (secondary suppression):
//!
//! - each column's total, its `n`, stays shown, so a column with exactly one suppressed
//!   cell gets a second: the smallest other cell of the column;
//! - each row of a cross-tab has its total in the "all" column, so a row with exactly
//!   one suppressed cell gets a second: its "all" cell when that is still shown (the row
//!   total is suppressed), else its smallest other cell;
//!
//! repeated until no column and no row has exactly one suppressed cell. Zero counts are
//! not suppressed for themselves, but may be as the second cell of a line: then a reader
//! cannot tell a zero from a small count either. The rule protects each table; it is not
//! an audit of every sum across tables.

/// Which cells of `grid` to suppress, for `min_cell` K. `grid[row][col]`: column 0 is the
/// total over all groups (the sum of the others), each further column one group.
pub(super) fn suppress(grid: &[Vec<usize>], min_cell: usize) -> Vec<Vec<bool>> {
    let mut hide: Vec<Vec<bool>> = grid
        .iter()
        .map(|row| row.iter().map(|&c| c > 0 && c < min_cell).collect())
        .collect();
    if min_cell <= 1 || grid.is_empty() {
        return hide;
    }
    let cols = grid[0].len();
    loop {
        let mut changed = false;
        // Columns: n is shown.
        for c in 0..cols {
            let hidden: Vec<usize> = (0..grid.len()).filter(|&r| hide[r][c]).collect();
            if hidden.len() == 1
                && let Some(r) = (0..grid.len())
                    .filter(|&r| !hide[r][c])
                    .min_by_key(|&r| grid[r][c])
            {
                hide[r][c] = true;
                changed = true;
            }
        }
        // Rows: the "all" cell is the row's total. With one group it is the same count
        // as that group's, and suppressed with it.
        for r in 0..grid.len() {
            let hidden = (0..cols).filter(|&c| hide[r][c]).count();
            if hidden != 1 || cols < 2 {
                continue;
            }
            let pick = if !hide[r][0] {
                Some(0)
            } else {
                (1..cols)
                    .filter(|&c| !hide[r][c])
                    .min_by_key(|&c| grid[r][c])
            };
            if let Some(c) = pick {
                hide[r][c] = true;
                changed = true;
            }
        }
        if !changed {
            return hide;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No column and no row with exactly one suppressed cell, and every small count hidden.
    fn safe(grid: &[Vec<usize>], hide: &[Vec<bool>], k: usize) -> bool {
        let cols = grid[0].len();
        let small = grid
            .iter()
            .zip(hide)
            .all(|(g, h)| g.iter().zip(h).all(|(&c, &h)| h || c == 0 || c >= k));
        let columns = (0..cols).all(|c| hide.iter().filter(|h| h[c]).count() != 1);
        let rows = cols < 2 || hide.iter().all(|h| h.iter().filter(|&&x| x).count() != 1);
        small && columns && rows
    }

    #[test]
    fn one_small_cell_takes_a_second_in_its_column_and_its_row_total() {
        // Values × (all, protection cluster, GBV AOR).
        let grid = vec![vec![12, 10, 2], vec![9, 4, 5], vec![3, 3, 0]];
        let hide = suppress(&grid, 3);
        assert!(hide[0][2], "2 is under 3");
        assert!(safe(&grid, &hide, 3), "{hide:?}");
        // Nothing hidden that did not need to be: row 1's counts are all shown.
        assert_eq!(hide[1], [false, false, false]);
    }

    #[test]
    fn nothing_is_hidden_without_a_minimum() {
        let grid = vec![vec![1, 1], vec![0, 0]];
        assert!(suppress(&grid, 0).iter().flatten().all(|h| !h));
        assert!(suppress(&grid, 1).iter().flatten().all(|h| !h));
    }

    #[test]
    fn a_lone_small_count_in_a_column_of_zeros_hides_a_zero_too() {
        // One session said yes: n = 1, its only cell would be readable from n.
        let grid = vec![vec![1, 1], vec![0, 0]];
        let hide = suppress(&grid, 3);
        assert_eq!(hide, vec![vec![true, true], vec![true, true]]);
    }

    #[test]
    fn every_grid_comes_out_safe() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..500 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let rows = 2 + (seed % 4) as usize;
            let groups = 1 + (seed / 7 % 4) as usize;
            let mut grid = Vec::new();
            for r in 0..rows {
                let cells: Vec<usize> = (0..groups)
                    .map(|g| ((seed >> (r * 8 + g * 2)) % 7) as usize)
                    .collect();
                let mut row = vec![cells.iter().sum()];
                row.extend(cells);
                grid.push(row);
            }
            let hide = suppress(&grid, 3);
            assert!(safe(&grid, &hide, 3), "{grid:?} → {hide:?}");
        }
    }
}
