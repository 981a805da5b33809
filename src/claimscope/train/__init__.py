"""Training code for claimscope's learned parts (needs the ``train`` extra: scikit-learn)."""
