# L'écran d'entretien, en français.
