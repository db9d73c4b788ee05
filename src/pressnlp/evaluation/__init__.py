"""Evaluation: scoring result records against gold annotations (SPEC.md section 3)."""
