// Intentionally empty: the cost of having a content script at all.
