"""Train the recogniser on draw_dataset.py's drawings, in the background, resumable.

    KERAS_BACKEND=tensorflow nohup nice -n 5 python scripts/recogniser/train_recogniser.py \\
        --data ~/icanvas-work/recogniser/data --run ~/icanvas-work/recogniser/run --epochs 30 --threads 2 &

Run it again with the same --run to continue after a kill; the log goes to RUN/train.log.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from icanvas_desktop.trainer.recognition.train import train
from icanvas_desktop.trainer.small_networks import training_script

if __name__ == "__main__":
    sys.exit(training_script(__doc__, train, batch_size=64))
