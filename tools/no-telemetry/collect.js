#!/usr/bin/env node
// Does nothing on purpose: see package.json.
