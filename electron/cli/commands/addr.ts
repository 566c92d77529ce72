/**
 * `v6lab addr …`: address tools for trainees and scenario writers (info, eui64, nat64, 6to4, plan).
 * Wiring only: each subcommand's logic is a pure function in ../addr/.
 */
import type { Command } from 'commander';
import type { CliCommand, CliContext, CommandOutcome } from '../cli-command';
import { runAddrInfo } from '../addr/info';
import { runAddrEui64 } from '../addr/eui64';
import { DEFAULT_NAT64_PREFIX, runAddrNat64, runAddrNat64Extract } from '../addr/nat64';
import { runAddr6to4 } from '../addr/six-to-four';
import { runAddrPlan } from '../addr/plan';
import { localizeAddrOutcome } from '../addr/addr-language';
import { readLanguage } from '../cli-language';

const JSON_FLAG = '--json';
const JSON_HELP = 'print JSON instead of text';

export const addrCommand: CliCommand = {
  register(program: Command, context: CliContext) {
    // The global --lang (or the locale): labels, headings and errors in that language.
    const report = (path: string, outcome: CommandOutcome, asJson: boolean): void => {
      const language = readLanguage(context.languageOption(), context.defaultLanguage);
      if (!language.ok) {
        context.report(path, { ok: false, error: language.error }, false);
        return;
      }
      context.report(path, localizeAddrOutcome(outcome, language.value), asJson);
    };
    const addr = program
      .command('addr')
      .description('IPv6/IPv4 address tools: explain an address, SLAAC (EUI-64), NAT64, 6to4, subnet plans');

    addr
      .command('info')
      .description('explain an address: canonical and full form, type, binary prefix, related addresses')
      .argument('<address>', 'an IPv6 or IPv4 address, optionally with /length (2001:db8::1, fe80::1%eth0, 2001:db8:1::1/64, 192.0.2.1/24)')
      .option(JSON_FLAG, JSON_HELP)
      .action((address: string, options: { json?: boolean }) => {
        report('v6lab addr info', runAddrInfo(address), options.json === true);
      });

    addr
      .command('eui64')
      .description('the SLAAC address a MAC gets under a /64 (modified EUI-64, step by step)')
      .argument('<mac>', 'a MAC address: 00:0c:29:0c:47:d5, 00-0C-29-0C-47-D5 or 000c.290c.47d5')
      .argument('<prefix>', 'a /64 prefix, e.g. 2001:db8:1:2::/64 or fe80::/64')
      .option(JSON_FLAG, JSON_HELP)
      .action((mac: string, prefix: string, options: { json?: boolean }) => {
        report('v6lab addr eui64', runAddrEui64(mac, prefix), options.json === true);
      });

    addr
      .command('nat64')
      .description('put an IPv4 address inside a NAT64 prefix (RFC 6052), or take it out with --extract')
      .argument('<address>', 'the IPv4 address (or, with --extract, the IPv6 address)')
      .argument('[prefix]', 'the NAT64 prefix: /32, /40, /48, /56, /64 or /96', DEFAULT_NAT64_PREFIX)
      .option('--extract', 'reverse: give the IPv4 address inside an IPv6 address')
      .option(JSON_FLAG, JSON_HELP)
      .action((address: string, prefix: string, options: { json?: boolean; extract?: boolean }) => {
        const outcome = options.extract === true ? runAddrNat64Extract(address, prefix) : runAddrNat64(address, prefix);
        report('v6lab addr nat64', outcome, options.json === true);
      });

    addr
      .command('6to4')
      .description('the 6to4 prefix 2002:V4ADDR::/48 of an IPv4 address (or the IPv4 inside a 2002:: address)')
      .argument('<address>', 'an IPv4 address (or a 6to4 IPv6 address)')
      .option(JSON_FLAG, JSON_HELP)
      .action((address: string, options: { json?: boolean }) => {
        report('v6lab addr 6to4', runAddr6to4(address), options.json === true);
      });

    addr
      .command('plan')
      .description('cut a prefix into subnets of one length: a numbered table, with warnings')
      .argument('<prefix>', 'the prefix to cut, e.g. 2001:db8:6803::/48 or 192.0.2.0/24')
      .requiredOption('--into <length>', 'the subnet length, e.g. 56 or /64')
      .option('--count <n>', 'how many subnets to list (default: one per name, else 16)')
      .option('--names <list>', 'names for the subnets, separated by commas: hr,finance,it')
      .option(JSON_FLAG, JSON_HELP)
      .action((prefix: string, options: { into: string; count?: string; names?: string; json?: boolean }) => {
        const planOptions = { into: options.into, ...(options.count === undefined ? {} : { count: options.count }), ...(options.names === undefined ? {} : { names: options.names }) };
        report('v6lab addr plan', runAddrPlan(prefix, planOptions), options.json === true);
      });
  },
};
