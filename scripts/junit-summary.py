#!/usr/bin/env python3
"""Counts test cases in JUnit reports and prints the closing line of scripts/test.sh:

    summary: N passed, M failed, K skipped

Arguments, any number of each:
    LABEL=EXIT_STATUS=PATH   a test runner's JUnit report and the runner's exit status
    check=NAME               a check that failed on its own (fmt, clippy, a build); counts as one
                             failed

A runner that exited non-zero without a failing test case in its report, a missing or unreadable
report, and a run in which no test ran at all each count as one failed check too, so that a
broken build can never read as a green run. Exit status: 1 when anything failed, else 0.
"""

import os
import sys
import xml.etree.ElementTree as ET


def count_report(label, status, path, failed_checks, failed_names):
    """Returns (passed, failed, skipped) for one report, noting problems as failed checks."""
    if not os.path.exists(path):
        failed_checks.append(f"{label}: no JUnit report (exit {status}; it did not build or run)")
        return 0, 0, 0
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        failed_checks.append(f"{label}: unreadable JUnit report {path}: {e}")
        return 0, 0, 0
    passed = failed = skipped = 0
    for case in root.iter("testcase"):
        tags = {child.tag for child in case}
        # flakyFailure / rerunFailure record retries that ended in a pass: not failures.
        if tags & {"failure", "error"}:
            failed += 1
            name = f"{case.get('classname', '')} {case.get('name', '')}".strip()
            failed_names.append(f"{label}: {name}")
        elif "skipped" in tags:
            skipped += 1
        else:
            passed += 1
    print(f"  {label}: {passed} passed, {failed} failed, {skipped} skipped  ({os.path.relpath(path)})")
    if status != "0" and failed == 0:
        failed_checks.append(f"{label}: exited {status} without a failing test case")
    return passed, failed, skipped


def main(args):
    failed_checks, failed_names = [], []
    passed = failed = skipped = 0
    for arg in args:
        if arg.startswith("check="):
            failed_checks.append(arg[len("check="):])
            continue
        label, status, path = arg.split("=", 2)
        p, f, s = count_report(label, status, path, failed_checks, failed_names)
        passed, failed, skipped = passed + p, failed + f, skipped + s
    if passed + failed == 0:
        failed_checks.append("no test ran")
    for name in failed_names:
        print(f"  failed test: {name}")
    for name in failed_checks:
        print(f"  failed check: {name}")
    failed += len(failed_checks)
    print(f"summary: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
