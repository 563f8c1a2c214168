import type { Locale } from '../../core/i18n/locale';
import { translate } from '../../core/i18n/translate';
import { decodeButtonId } from '../../dispatch/button-id';
import type { DeliveredButton } from '../../dispatch/dispatcher';

/** What `/press` takes for a button: its action's name. */
export function buttonName(id: string): string {
  return decodeButtonId(id)?.action ?? id;
}

/** The line under a message with buttons, naming each one to `/press`; empty without buttons. */
export function pressHint(buttons: readonly DeliveredButton[], locale: Locale): string {
  if (buttons.length === 0) return '';
  const names = buttons.map((button) => `[${buttonName(button.id)}] ${button.label}`);
  return `\n${translate(locale, 'terminal.pressHint', { buttons: names.join(' · ') })}`;
}
