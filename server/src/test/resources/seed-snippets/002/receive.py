# Runs seed 002's own verifier (verify_webhook.py, copied verbatim from the seed) on the raw body as text.
# Usage: python3 receive.py <file with the raw body> <X-Webhook-Signature> <secret>
import pathlib
import sys

namespace = {}
exec(pathlib.Path(__file__).with_name("verify_webhook.py").read_text(encoding="utf-8"), namespace)
payload = pathlib.Path(sys.argv[1]).read_bytes().decode("utf-8")
print(namespace["verify_webhook"](payload, sys.argv[2], sys.argv[3]))
