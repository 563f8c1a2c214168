import { commands } from '../../commands';
import { discordCommandRegistration } from '../platforms/discord/command-registration';

/** `npm run discord:commands`: the registration JSON, generated from commands/, to read or diff. */
process.stdout.write(`${JSON.stringify(discordCommandRegistration(commands), null, 2)}\n`);
