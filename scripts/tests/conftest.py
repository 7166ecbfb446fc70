"""The scripts' modules (scripts/topology.py) are not a package: put scripts/ on the path."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
