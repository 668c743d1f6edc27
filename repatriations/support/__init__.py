"""What the tests and the benchmarks share: the checkout's own files, a synthetic
project tree, and `datasette serve` on a free port as `make serve` starts it.

These helpers read the checkout this package is installed from (`pip install -e .`,
as the Makefile installs it): they are not for an installed copy elsewhere."""
