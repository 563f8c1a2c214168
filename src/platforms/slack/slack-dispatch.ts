import type { ActorFacts } from '../../core/access';
import type { Locale } from '../../core/i18n/locale';
import { translate } from '../../core/i18n/translate';
import type { CommunityRef } from '../../core/identity';
import { type Dispatcher, type DispatchResult, errorReference, type Invocation } from '../../dispatch/dispatcher';
import type { Log } from '../../infra/log';
import type { AnswerTarget, SlackAnswer } from './slack-answer';
import { slackMessage } from './slack-message';
import type { SlackPeople } from './slack-people';

export interface SlackDispatchOptions {
  readonly dispatcher: Dispatcher;
  readonly people: SlackPeople;
  readonly answer: SlackAnswer;
  readonly log: Log;
}

/** From a Slack person and what they did to the dispatcher, and any unexpected failure back to them. */
export interface SlackDispatch {
  dispatch(target: AnswerTarget, userName: string, invocation: Invocation): Promise<DispatchResult>;
  /** The person's language as Slack knows it, for answers the dispatcher does not write. */
  localeOf(target: AnswerTarget, userName: string): Promise<Locale | undefined>;
  /** Runs the work; a failure is logged with a reference, which the person is told. */
  safely(target: AnswerTarget | undefined, work: () => Promise<void>): Promise<void>;
}

export function createSlackDispatch(options: SlackDispatchOptions): SlackDispatch {
  const { dispatcher, people, answer, log } = options;

  async function actorOf(
    community: CommunityRef,
    userId: string,
    userName: string,
  ): Promise<{ actor: ActorFacts; locale: Locale | undefined }> {
    const person = await people.lookUp(userId);
    const access = dispatcher.programmeFor(community).access;
    const groups = await people.groupsOf(userId, [...access.coordinators.roles, ...access.referents.roles]);
    return {
      actor: { userId, displayName: person.displayName ?? userName, platformRoles: groups, isAdministrator: false },
      locale: person.locale,
    };
  }

  async function localeOf(target: AnswerTarget, userName: string): Promise<Locale | undefined> {
    return (await actorOf(target.community, target.userId, userName)).locale;
  }

  async function dispatch(target: AnswerTarget, userName: string, invocation: Invocation): Promise<DispatchResult> {
    const { actor, locale } = await actorOf(target.community, target.userId, userName);
    return dispatcher.dispatch({
      community: target.community,
      actor,
      locale,
      invocation,
      responder: {
        // Progress of long work: one that cannot be delivered in any way is logged, and the work goes on.
        followUp: (message) =>
          answer
            .answer(target, { text: message.text, buttons: [], attachments: message.attachments ?? [] }, false)
            .catch((error: unknown) =>
              log.warn({ err: error, community: target.community, userId: target.userId }, 'a follow-up could not be delivered'),
            ),
      },
    });
  }

  async function safely(target: AnswerTarget | undefined, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const reference = errorReference();
      log.error({ err: error, reference, community: target?.community, userId: target?.userId }, 'slack interaction failed');
      if (!target) return;
      const locale = people.knownLocale(target.userId) ?? dispatcher.programmeFor(target.community).defaultLocale;
      await answer
        .post(target, slackMessage({ text: translate(locale, 'error.unexpected', { reference }), buttons: [], attachments: [] }), false)
        .catch((failure: unknown) => log.warn({ err: failure, reference }, 'could not tell the person about a failure'));
    }
  }

  return { dispatch, localeOf, safely };
}
