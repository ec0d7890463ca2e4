#!/usr/bin/env python3
"""Transforms infra/template.yaml with aws-sam-translator, offline, and prints the CloudFormation JSON.

Usage: python3 infra/check-template.py [TEMPLATE]   (exit 1, with the reason on stderr, on failure)

samtranslator only accepts S3 locations, which `sam package` substitutes for local paths, so this
does the same: CodeUri becomes a placeholder S3 URI, and the state machine's local DefinitionUri is
read into Definition (after checking its ${...} placeholders are exactly the DefinitionSubstitutions).
"""
import json
import os
import re
import sys
from pathlib import Path

os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")  # samtranslator needs a region; no AWS call is made

from samtranslator.model.exceptions import InvalidDocumentException
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class OfflinePolicies:
    """Stands in for ManagedPolicyLoader, which lists the AWS managed policies through IAM."""

    def load(self):
        return {
            "AWSLambdaBasicExecutionRole": "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
            "AWSLambdaVPCAccessExecutionRole": "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
            "AWSXrayWriteOnlyAccess": "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess",
        }


def fail(message):
    print(f"check-template: {message}", file=sys.stderr)
    sys.exit(1)


def local(uri):
    return isinstance(uri, str) and not uri.startswith("s3://")


def package(template, base):
    """What `sam package` does to local paths, without uploading anything."""
    functions = [r.get("Properties", {}) for r in template["Resources"].values() if r["Type"] == "AWS::Serverless::Function"]
    for props in [template.get("Globals", {}).get("Function", {})] + functions:
        if local(props.get("CodeUri")):
            props["CodeUri"] = "s3://powertune-check/" + Path(props["CodeUri"]).name
    for name, resource in template["Resources"].items():
        props = resource.get("Properties", {})
        if resource["Type"] != "AWS::Serverless::StateMachine" or not local(props.get("DefinitionUri")):
            continue
        path = base / props.pop("DefinitionUri")
        try:
            text = path.read_text()
            props["Definition"] = json.loads(text)
        except (OSError, ValueError) as e:
            fail(f"{name}: cannot read DefinitionUri {path}: {e}")
        placeholders = set(re.findall(r"\$\{([^}]+)\}", text))
        keys = set(props.get("DefinitionSubstitutions", {}))
        if placeholders != keys:
            fail(f"{name}: placeholders without a substitution {sorted(placeholders - keys)},"
                 f" substitutions without a placeholder {sorted(keys - placeholders)}")


def main():
    path = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "template.yaml")
    try:
        template = yaml_parse(path.read_text())
    except Exception as e:  # unreadable file or YAML error
        fail(f"cannot parse {path}: {e}")
    package(template, path.parent)
    try:
        result = transform(template, {}, OfflinePolicies())
    except InvalidDocumentException as e:
        fail("SAM refused the template:\n  " + "\n  ".join(err.message for err in e.causes))
    except Exception as e:
        fail(f"transform failed: {type(e).__name__}: {e}")
    json.dump(result, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
