"""Write a synthetic project tree (raw/ + curation/) that `python build.py --root DIR` builds unchanged.

    .venv/bin/python benchmarks/synth.py --articles 1000 --out benchmarks/out/1000 [--seed 0]

The generator is repatriations/support/synth.py, which the tests use too.
"""

from repatriations.support.synth import main

if __name__ == "__main__":
    main()
