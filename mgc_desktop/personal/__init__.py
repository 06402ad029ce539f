"""The user's own genres and similar tracks: the core's numpy-only side of what the owner's tags
teach the app (no Qt, no file writes but the learned model's own file).

- `names`: the owner's genre spellings, counted and chosen.
- `features`: what a track is described by (the base model's embedding and its probabilities).
- `logistic`: the closed-set learner (class-balanced multinomial logistic regression).
- `openset`: "none of these": how like the owner's tagged tracks a track is.
- `honesty`: intervals and the write threshold taken from cross-validation.
- `model`: the learned model, its file, loading and forgetting it.
- `training`: from the library index to a learned model.
- `restate`: index tracks restated in the owner's genres.
- `similar`: the indexed tracks that sound most like one.
- `base`: which base model is in use.
"""
