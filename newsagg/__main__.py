import sys

from newsagg.cli import main

sys.exit(main())
