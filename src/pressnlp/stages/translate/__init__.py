"""Translate stage: release text into the target language, keeping layout, terms and protected spans."""
