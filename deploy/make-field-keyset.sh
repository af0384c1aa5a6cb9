#!/usr/bin/env bash
# Writes a new field keyset to FILE: a Tink keyset in JSON holding one AES256_GCM key (32 random bytes from
# openssl, Tink's key id prefix), exactly what `tinkey create-keyset --key-template AES256_GCM --out-format json`
# writes. intake-service and notification-service encrypt personal data and secrets with it (ADR 0011). Needs
# only bash and openssl. Refuses to replace a file that exists: a keyset in use is rotated, never replaced
# (values encrypted under it would no longer open) — README "Deploy", ADR 0011.
#
#   deploy/make-field-keyset.sh secrets/intake-service-field-keys.json
set -euo pipefail
if (($# != 1)); then
  echo "usage: $0 FILE" >&2
  exit 2
fi
file=$1
if [[ -e $file ]]; then
  echo "$0: $file exists; a keyset in use is rotated, never replaced (ADR 0011)" >&2
  exit 1
fi
# a key id is a random unsigned 32-bit number (0 avoided)
key_id=0
while ((key_id == 0)); do key_id=$((16#$(openssl rand -hex 4))); done
# the AesGcmKey proto: field 3 (key_value), 32 bytes long: tag 0x1a, length 0x20, the key (version 0 is not written)
key=$( { printf '\x1a\x20'; openssl rand 32; } | openssl base64 -A)
(umask 077 && printf '{"primaryKeyId":%s,"key":[{"keyData":{"typeUrl":"type.googleapis.com/google.crypto.tink.AesGcmKey","value":"%s","keyMaterialType":"SYMMETRIC"},"status":"ENABLED","keyId":%s,"outputPrefixType":"TINK"}]}\n' \
  "$key_id" "$key" "$key_id" >"$file")
