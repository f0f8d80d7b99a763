// Seed 002's TypeScript SDK example, with Parley's client (seed 002 names `environment`; Parley takes and ignores
// it: the key's prefix, sk_live_ or sk_test_, decides the mode).
import { Parley } from '@parley/sdk';

const client = new Parley({
  apiKey: process.env.PARLEY_API_KEY,
  baseUrl: process.env.PARLEY_BASE_URL,
  environment: 'production'
});

// Send a message
const response = await client.sendMessage({
  message: 'How do I reset my password?',
  userId: 'user_12345'
});

console.log(response.answer);
console.log(`Confidence: ${response.confidence}`);
