// Converts the npm package date-holidays' public holidays of the host
// countries of Mechplan's duty stations, 2021-2031, into a committed test
// fixture (internal/refdata/testdata/date_holidays.json). The fixture is
// what the reconstructed holiday lists in resources/data/venues.json are
// compared with; the program never depends on date-holidays. Lebanon is
// left out: date-holidays 3.37.0 has no data for it.
//
// Run once, from a scratch directory:
//   mkdir -p /tmp/dh && cd /tmp/dh && npm install date-holidays@3.37.0
//   DH_DIR=/tmp/dh node scripts/date-holidays-fixture.mjs > internal/refdata/testdata/date_holidays.json
//
// Licence of the data: date-holidays is ISC (code) and its holidays.yaml
// is CC BY-SA 3.0 (from Wikipedia articles); see
// internal/refdata/testdata/DATE-HOLIDAYS-LICENSE.txt.
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(path.join(process.env.DH_DIR || process.cwd(), 'package.json'))
const Holidays = require('date-holidays')
const version = require('date-holidays/package.json').version

// Venue code -> date-holidays country (and region where the city's own
// holidays differ: Geneva keeps the Jeûne genevois).
const places = { BKK: ['TH'], NBO: ['KE'], ADD: ['ET'], SCL: ['CL'], GVA: ['CH', 'GE'], VIE: ['AT'] }
const out = {
  source: `npm package date-holidays ${version} (github.com/commenthol/date-holidays), type "public" only, first day of each holiday`,
  licence: 'date-holidays: ISC (code), CC BY-SA 3.0 (holiday data); see DATE-HOLIDAYS-LICENSE.txt',
  venues: {},
}
for (const [code, [country, region]] of Object.entries(places)) {
  const hd = region ? new Holidays(country, region) : new Holidays(country)
  const years = {}
  for (let y = 2021; y <= 2031; y++) {
    years[y] = hd.getHolidays(y, 'en')
      .filter((h) => h.type === 'public')
      .map((h) => ({ date: h.date.slice(0, 10), name: h.name + (h.substitute ? ' (substitute)' : '') }))
  }
  out.venues[code] = { country: region ? `${country}-${region}` : country, years }
}
process.stdout.write(JSON.stringify(out, null, 1) + '\n')
