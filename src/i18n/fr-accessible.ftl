# Le mode accessible (stocktake --accessible), en français : chaque invite une ligne simple.
