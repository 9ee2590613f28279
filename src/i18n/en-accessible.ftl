# The accessible mode (stocktake --accessible), in English: each prompt a plain line.
