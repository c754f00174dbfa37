"""Train the colourer on prepare_colourer_data.py's arrays, in the background, resumable.

    KERAS_BACKEND=tensorflow nohup nice -n 5 python scripts/colourer/train_colourer.py \\
        --data ~/icanvas-work/colourer/data --run ~/icanvas-work/colourer/run --epochs 30 --threads 2 &

Run it again with the same --run to continue after a kill; the log goes to RUN/train.log. A new --run may
start from the shipped colourer's run (--init-from OLD_RUN/epoch-NN.keras) rather than from nothing.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from icanvas_desktop.trainer.colouring.train import train
from icanvas_desktop.trainer.small_networks import training_script

if __name__ == "__main__":
    sys.exit(training_script(__doc__, train, batch_size=32))
