#!/usr/bin/env node
// The executable: `cookie-jar-inspector` (and its short alias `cji`).
import { main } from './main';

process.exitCode = await main(process.argv.slice(2));
