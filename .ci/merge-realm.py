#!/usr/bin/env python3
"""Merges overlays into a Keycloak realm export: list entries (clients, users) are appended, other keys
are added when absent; keys starting with "_" are comments. Prints the merged realm.

    merge-realm.py REALM OVERLAY [OVERLAY...]

Used by .ci/keycloak.sh (realm + demo accounts + test client); production imports the realm file alone."""
import json
import sys

realm = json.load(open(sys.argv[1], encoding="utf-8"))
for path in sys.argv[2:]:
    overlay = json.load(open(path, encoding="utf-8"))
    for key, value in overlay.items():
        if key.startswith("_"):
            continue
        if isinstance(value, list):
            realm.setdefault(key, []).extend(value)
        else:
            realm.setdefault(key, value)
json.dump(realm, sys.stdout, ensure_ascii=False, indent=2)
