"""Evaluation: scoring result records against gold annotations (SPEC.md section 3)."""
from pressnlp.evaluation.data import load_gold_dataset, load_results_dataset
from pressnlp.evaluation.evaluate import EvaluationResult, evaluate_run

__all__ = ["EvaluationResult", "evaluate_run", "load_gold_dataset", "load_results_dataset"]
