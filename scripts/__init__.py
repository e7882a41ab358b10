"""Build pipeline of the NGO–Foreign Policy Linked Data publication: sources -> instances -> validate -> publish."""
