#!/usr/bin/env node
'use strict';
// The language server over stdio (`--stdio`); FICHE_CACHE_DIR=<folder> keeps V8's compiled code
// there between starts (see docs/performance-server.md).
require('../dist/launch.js').start();
