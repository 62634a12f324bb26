#!/usr/bin/env bash
# Replace spec/openapi.yaml with the file at a ref of openai/openai-openapi, and record the commit.
set -euo pipefail
ref="${1:-master}"
dir="$(dirname "$0")"
curl -fsSL "https://raw.githubusercontent.com/openai/openai-openapi/${ref}/openapi.yaml" -o "${dir}/openapi.yaml.new"
mv "${dir}/openapi.yaml.new" "${dir}/openapi.yaml"
echo "Updated ${dir}/openapi.yaml to ${ref}; record the commit in ${dir}/README.md and rebuild."
