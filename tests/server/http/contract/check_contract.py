#!/usr/bin/python3
"""Checks recorded HTTP exchanges of sinfonia-server against docs/api/openapi.yaml.

Usage: check_contract.py openapi.yaml exchanges.json

exchanges.json is a list of {method, path, status, contentType, body} recorded by
tst_http_contract. For each exchange: the path must match a documented path template, the method an
operation, the status a documented response (exact, then "4XX"/"5XX", then "default"); when the
response documents a body for the content type, the JSON body must validate against the schema.
A small validator for the subset of JSON Schema the contract uses (type, required, properties,
additionalProperties, items, enum, nullable, $ref, minimum, maximum, minLength, maxLength,
pattern, format date / date-time). Run with Debian's python3 (python3-yaml).
"""
import json
import re
import sys

import yaml

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


class Checker:
    def __init__(self, spec):
        self.spec = spec
        self.templates = []
        for template in spec["paths"]:
            rx = "^" + re.sub(r"\{[^/]+\}", "[^/]+", re.escape(template).replace(r"\{", "{").replace(r"\}", "}")) + "$"
            self.templates.append((re.compile(rx), template))

    def resolve(self, node):
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            assert ref.startswith("#/"), ref
            target = self.spec
            for part in ref[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
        return node

    def validate(self, schema, value, where, errors):
        schema = self.resolve(schema)
        if value is None:
            if not schema.get("nullable", False):
                errors.append(f"{where}: null not allowed")
            return
        t = schema.get("type")
        types = {"object": dict, "array": list, "string": str, "boolean": bool}
        if t == "integer":
            if isinstance(value, bool) or not isinstance(value, int):
                errors.append(f"{where}: expected integer, got {value!r}")
                return
        elif t == "number":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                errors.append(f"{where}: expected number, got {value!r}")
                return
        elif t in types and not isinstance(value, types[t]):
            errors.append(f"{where}: expected {t}, got {type(value).__name__}")
            return
        if "enum" in schema and value not in schema["enum"]:
            errors.append(f"{where}: {value!r} not in {schema['enum']}")
        if isinstance(value, str):
            fmt = schema.get("format")
            if fmt == "date" and not DATE.match(value):
                errors.append(f"{where}: {value!r} is not a date")
            if fmt == "date-time" and not DATETIME.match(value):
                errors.append(f"{where}: {value!r} is not an RFC 3339 date-time")
            if "pattern" in schema and not re.search(schema["pattern"], value):
                errors.append(f"{where}: {value!r} does not match {schema['pattern']}")
            if "minLength" in schema and len(value) < schema["minLength"]:
                errors.append(f"{where}: shorter than {schema['minLength']}")
            if "maxLength" in schema and len(value) > schema["maxLength"]:
                errors.append(f"{where}: longer than {schema['maxLength']}")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if "minimum" in schema and value < schema["minimum"]:
                errors.append(f"{where}: {value} < minimum {schema['minimum']}")
            if "maximum" in schema and value > schema["maximum"]:
                errors.append(f"{where}: {value} > maximum {schema['maximum']}")
        if isinstance(value, dict):
            props = schema.get("properties", {})
            for name in schema.get("required", []):
                if name not in value:
                    errors.append(f"{where}: missing required '{name}'")
            for name, v in value.items():
                if name in props:
                    self.validate(props[name], v, f"{where}.{name}", errors)
                elif schema.get("additionalProperties") is False:
                    errors.append(f"{where}: unexpected property '{name}'")
                elif t == "object" and props and name not in props:
                    # Undocumented fields are contract drift: the client would not know them.
                    errors.append(f"{where}: undocumented property '{name}'")
        if isinstance(value, list) and "items" in schema:
            for i, item in enumerate(value):
                self.validate(schema["items"], item, f"{where}[{i}]", errors)

    def check(self, ex):
        where = f"{ex['method']} {ex['path']} -> {ex['status']}"
        template = next((t for rx, t in self.templates if rx.match(ex["path"])), None)
        if template is None:
            return [f"{where}: path not in the contract"]
        op = self.spec["paths"][template].get(ex["method"].lower())
        if op is None:
            return [f"{where}: method not in the contract for {template}"]
        responses = op.get("responses", {})
        status = str(ex["status"])
        resp = responses.get(status) or responses.get(status[0] + "XX") or responses.get("default")
        if resp is None:
            return [f"{where}: status not documented for {ex['method']} {template}"]
        resp = self.resolve(resp)
        content = resp.get("content")
        ctype = (ex.get("contentType") or "").split(";")[0].strip()
        if not content:
            return []
        if ctype not in content:
            return [f"{where}: content type {ctype!r} not documented ({', '.join(content)})"]
        schema = content[ctype].get("schema")
        if schema is None or not (ctype.endswith("json")):
            return []
        try:
            body = json.loads(ex["body"])
        except ValueError:
            return [f"{where}: body is not JSON"]
        errors = []
        self.validate(schema, body, "body", errors)
        return [f"{where}: {e}" for e in errors]


def main():
    spec = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
    exchanges = json.load(open(sys.argv[2], encoding="utf-8"))
    checker = Checker(spec)
    failures = []
    for ex in exchanges:
        failures += checker.check(ex)
    covered = {(e["method"], next((t for rx, t in checker.templates if rx.match(e["path"])), "?")) for e in exchanges}
    print(f"checked {len(exchanges)} exchanges over {len(covered)} operations")
    for f in failures:
        print("CONTRACT VIOLATION:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
