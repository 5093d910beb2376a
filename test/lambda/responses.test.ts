import t from 'tap';
import { readFileSync } from 'node:fs';
import { recordResponse, type RecordedResponse } from '../fixtures/responses/record.js';
import { REQUESTS } from '../fixtures/responses/requests.js';

const recorded = JSON.parse(
  readFileSync(new URL('../fixtures/responses/responses.json', import.meta.url), 'utf8'),
) as Record<string, RecordedResponse>;

t.test('every pinned request gets the very response it got when it was recorded', async (t) => {
  t.same(Object.keys(recorded).sort(), Object.keys(REQUESTS).sort(), 'responses.json covers exactly the requests');
  for (const [name, event] of Object.entries(REQUESTS)) {
    t.same(await recordResponse(event), recorded[name], name);
  }
});
