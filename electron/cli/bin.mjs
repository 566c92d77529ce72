#!/usr/bin/env node
// The published `v6lab` command: register tsx so Node can load the TypeScript entry, then run it.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./v6lab.ts', import.meta.url).href);
