// Runs seed 000's own verifier (verify-webhook.js, copied verbatim from the seed) as its Express receiver would:
// on the parsed JSON body. Usage: node receive.js <file with the raw body> <X-Webhook-Signature> <secret>
const fs = require('fs');
const path = require('path');

const snippet = fs.readFileSync(path.join(__dirname, 'verify-webhook.js'), 'utf8');
const verifyWebhook = new Function('require', `${snippet}\nreturn verifyWebhook;`)(require);
const [bodyFile, signature, secret] = process.argv.slice(2);
const body = JSON.parse(fs.readFileSync(bodyFile, 'utf8'));
try {
  console.log(String(verifyWebhook(body, signature, secret)));
} catch (e) {
  console.log(`threw: ${e.message}`);
}
