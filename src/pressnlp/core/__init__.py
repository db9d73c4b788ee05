"""The small core: document model, stage protocol, registry, config and pipeline."""
