// Seed 000's TypeScript quick start, with Parley's client. The seed's calls are kept as written
// (`chat.send`, `analytics.getIntelligence`, `scraping.start`); only the import, the class name and where the
// server and the site to crawl are (environment variables, so the example runs against your own server) changed.
import { Parley } from '@parley/sdk';

const client = new Parley({
  apiKey: process.env.PARLEY_API_KEY,
  baseUrl: process.env.PARLEY_BASE_URL,
  domain: 'example.com'
});

// Send a chat message
const response = await client.chat.send({
  message: 'What are your business hours?'
});

// Get analytics
const analytics = await client.analytics.getIntelligence({
  metric: 'all',
  days: 7
});

// Start web scraping
const job = await client.scraping.start({
  url: process.env.PARLEY_EXAMPLE_SITE ?? 'https://example.com',
  maxPages: 100
});

console.log('Assistant:', response.response);
console.log('Conversation:', response.conversation_id);
console.log('Insights:', analytics.summary.total_insights, 'from', analytics.time_range.start, 'to', analytics.time_range.end);
console.log('Scrape job:', job.job_id, job.status);
