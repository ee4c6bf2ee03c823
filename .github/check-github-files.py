#!/usr/bin/env python3
"""Checks the GitHub files this repository relies on: every workflow parses and has the keys GitHub requires,
the CI matrix covers the three systems and both Java versions, the release publishes checksums, and dependabot
watches Maven and Actions. A schema check on top: `npx @action-validator/cli .github/workflows/*.yml`.

Usage: python3 .github/check-github-files.py   (needs PyYAML: Debian python3-yaml)
"""
import pathlib
import sys

import yaml

root = pathlib.Path(__file__).resolve().parent
problems = []


def load(path):
    with open(path, encoding="utf-8") as f:
        # YAML 1.1 reads the key `on` as True; GitHub reads it as "on".
        data = yaml.safe_load(f)
    if True in data:
        data["on"] = data.pop(True)
    return data


def require(condition, message):
    if not condition:
        problems.append(message)


for path in sorted((root / "workflows").glob("*.yml")):
    wf = load(path)
    name = path.name
    require("on" in wf, f"{name}: no 'on' trigger")
    require(isinstance(wf.get("jobs"), dict) and wf["jobs"], f"{name}: no jobs")
    for job_id, job in (wf.get("jobs") or {}).items():
        require("runs-on" in job, f"{name}: job {job_id} has no runs-on")
        steps = job.get("steps") or []
        require(steps, f"{name}: job {job_id} has no steps")
        for i, step in enumerate(steps):
            require(("uses" in step) != ("run" in step), f"{name}: job {job_id} step {i} needs exactly one of uses/run")

ci = load(root / "workflows" / "ci.yml")
matrix = ci["jobs"]["build"]["strategy"]["matrix"]
require(set(matrix["os"]) == {"ubuntu-latest", "macos-latest", "windows-latest"}, "ci.yml: matrix must cover three OSes")
require({str(v) for v in matrix["java"]} == {"17", "21"}, "ci.yml: matrix must cover Java 17 and 21")
full_runs = " ".join(s.get("run", "") for s in ci["jobs"]["full-suite"]["steps"])
require("bash .ci/run" in full_runs, "ci.yml: the full suite must run .ci/run")
require(ci["jobs"]["full-suite"].get("env", {}).get("CI") == "true", "ci.yml: the full suite must set CI=true")

release = load(root / "workflows" / "release.yml")
require(release["on"]["push"]["tags"] == ["v*"], "release.yml: must run on v* tags")
release_runs = " ".join(s.get("run", "") for job in release["jobs"].values() for s in job["steps"])
for needle in ("sha256sum", "changelog-section.sh", "gh release create", "installers/build.sh"):
    require(needle in release_runs, f"release.yml: no '{needle}'")
oses = {entry["os"] for entry in release["jobs"]["installers"]["strategy"]["matrix"]["include"]}
require(oses == {"ubuntu-latest", "macos-latest", "windows-latest"}, "release.yml: installers on three OSes")

dependabot = load(root / "dependabot.yml")
require(dependabot.get("version") == 2, "dependabot.yml: version must be 2")
ecosystems = {u["package-ecosystem"] for u in dependabot.get("updates", [])}
require(ecosystems == {"maven", "github-actions"}, f"dependabot.yml: ecosystems {ecosystems}")

for p in problems:
    print("PROBLEM:", p)
print("github files:", "OK" if not problems else f"{len(problems)} problem(s)")
sys.exit(1 if problems else 0)
