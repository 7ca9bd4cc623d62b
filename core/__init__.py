"""The contract between the rooms: what crosses from one to another (and, past one machine, the wire).

`Article` and `FaqEntry` (what extraction produces and the store keeps), `Source` and the config
file they come from, and the error types every room raises. Every room imports this package;
it imports none of them, so no arrow points up (docs/architecture.md).
"""
