#!/usr/bin/env bash
# The examples in docs/form.md (the CSV template and the XLSForm sheets of the trust questionnaire) are what the
# binary writes.   test_form_docs.sh BINARY SOURCE_DIR [CORPUS]
set -uo pipefail
# Debian's python3-openpyxl is in the system Python, which another python3 on the PATH (pyenv) may hide.
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import openpyxl' 2>/dev/null; then exec "$candidate" "$2/scripts/form-doc-examples.py" "$1" "$2"; fi
done
echo "python3-openpyxl is missing (apt-get install python3-openpyxl): docs/form.md not checked"
exit 77
