#!/usr/bin/env python3
"""Runs every shell example of README.md as a user would, in a scratch folder, with the built
`nnviz` first on the PATH: each must exit 0. `make test` runs it.

    scripts/check-readme-examples.py [.build/release/nnviz]

`make ...` lines are the quick start itself (make test is what runs this); a `yaml` block is
written to the file the next shell block names (`--config NAME.yaml`)."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
nnviz = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build/release/nnviz"))
readme = open(os.path.join(root, "README.md"), encoding="utf-8").read()
blocks = re.findall(r"```(\w+)\n(.*?)```", readme, re.S)
scratch = tempfile.mkdtemp(prefix="nnviz-readme-")
bindir = os.path.join(scratch, "bin")
os.makedirs(bindir)
os.symlink(nnviz, os.path.join(bindir, "nnviz"))
env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""))
pending_yaml = None
ran = failed = 0
for lang, text in blocks:
    if lang == "yaml":
        pending_yaml = text
        continue
    if lang != "sh":
        continue
    for line in text.splitlines():
        command = line.split("  #")[0].strip()
        if not command or command.startswith("make "):
            continue
        config = re.search(r"--config (\S+\.yaml)", command)
        if config and pending_yaml is not None and not os.path.exists(os.path.join(scratch, config.group(1))):
            with open(os.path.join(scratch, config.group(1)), "w", encoding="utf-8") as f:
                f.write(pending_yaml)
        result = subprocess.run(command, shell=True, cwd=scratch, env=env, capture_output=True, text=True)
        ran += 1
        if result.returncode != 0:
            failed += 1
            print(f"README example failed (exit {result.returncode}): {command}\n{result.stderr.strip()}")
shutil.rmtree(scratch, ignore_errors=True)
print(f"check-readme-examples: {failed} of {ran} examples failed" if failed else f"check-readme-examples: ok, all {ran} examples ran")
sys.exit(1 if failed or ran == 0 else 0)
