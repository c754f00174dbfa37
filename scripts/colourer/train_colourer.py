"""Train the colourer on prepare_colourer_data.py's arrays, in the background, resumable.

    KERAS_BACKEND=tensorflow nohup nice -n 5 python scripts/colourer/train_colourer.py \\
        --data ~/icanvas-work/colourer/data --run ~/icanvas-work/colourer/run --epochs 30 --threads 2 &

Run it again with the same --run to continue after a kill; the log goes to RUN/train.log.
"""

import argparse
import logging
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--run", type=Path, required=True)
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--learning-rate", type=float, default=2e-3)
    parser.add_argument("--threads", type=int, default=2, help="CPU threads (leave the others theirs)")
    args = parser.parse_args()
    args.run.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s",
                        handlers=[logging.FileHandler(args.run / "train.log"), logging.StreamHandler()])
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    if os.environ["KERAS_BACKEND"] == "tensorflow":
        import tensorflow as tf

        tf.config.threading.set_intra_op_parallelism_threads(args.threads)
        tf.config.threading.set_inter_op_parallelism_threads(1)
    from icanvas_desktop.trainer.colouring.train import train

    train(args.data, args.run, args.epochs, args.batch_size, args.learning_rate)
    return 0


if __name__ == "__main__":
    sys.exit(main())
