"""`python -m newsvoices.stance train [--compare] [--fast] [--out FILE]`: retrain the stance head."""
import argparse
import sys
from pathlib import Path

from ..errors import NewsvoicesError
from .train import C_GRID, train
from .training import FAST_VARIANT


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsvoices.stance",
                                     description="Retrain the stance classifier's head from the labelled statements "
                                                 "in benchmarks/ (needs the PolNeAR corpus: $NEWSVOICES_POLNEAR).")
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("train", help="train, cross-validate, score the dev split, write the weights")
    command.add_argument("--compare", action="store_true", help="also cross-validate every input variant")
    command.add_argument("--out", type=Path, help="where to write the weights (default: the package's data file)")
    command.add_argument("--C", type=float, action="append", help="regularisation strength(s) to try "
                         "(default: the grid in train.py)")
    command.add_argument("--variant", help="the inputs, e.g. e5.statement+e5.cue+e5.sentence+lexicon "
                         "(default: training.DEFAULT_VARIANT)")
    command.add_argument("--fast", action="store_true", help="train the `fast` method's head (MiniLM alone, "
                         "training.FAST_VARIANT) into data/stance_head_fast.json; the example bank is left as it is")
    args = parser.parse_args(argv)
    try:
        if args.fast and (args.variant or args.compare):
            raise NewsvoicesError("--fast trains one fixed variant: leave out --variant and --compare")
        train(args.out, compare=args.compare, grid=tuple(args.C) if args.C else C_GRID,
              variant=FAST_VARIANT if args.fast else args.variant, fast=args.fast)
    except NewsvoicesError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
