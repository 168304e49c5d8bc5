/**
 * GET and POST /p/:municipality/:token — the parents' questionnaire page (src/views/parentPage.ts)
 * behind a meeting's signed link (src/app/parentLinks.ts). Every outcome is a page a parent can
 * read, never a 5xx: a forged, altered or expired link, a full meeting, a flood, a CPR number in the
 * comment, a body too large. Nothing is logged or stored about the parent: no IP address, no user
 * agent, no name; the one cookie marks that this phone has answered this link, so a second press
 * of "Send" does not take another parent's place.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Clock } from '../domain/clock';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import type { ParentLinks } from '../app/parentLinks';
import { resolveMunicipality } from '../app/municipalityContext';
import { openParentForm, submitParentAnswer } from '../app/parentAnswers';
import { RateLimiter } from '../api/rateLimit';
import { findCpr, redactCpr } from '../domain/cpr';
import { parentPageTexts, parentProblemText, type ParentPageTexts } from '../i18n/parentPage';
import { PARENT_PAGE_STYLE_HASH, parentFormPage, parentMessagePage } from '../views/parentPage';

/** A parent's answer is a few choices and a comment of at most 1,000 characters. */
export const PARENT_BODY_LIMIT = '16kb';

/** Per link: a meeting has a handful of parents; per server: all links together. */
const PER_LINK = { burst: 10, perMinute: 10 };
const OVERALL = { burst: 60, perMinute: 300 };

const COOKIE = 'samspil_answered';

const STATUS: Record<string, number> = {
  questionnaireClosed: 410,
  meetingGone: 404,
  meetingCancelled: 410,
  questionnaireNotOpen: 409,
  parentAnswersFull: 409,
};

export function mountParentRoute(
  app: express.Express,
  deps: { store: Store; links: ParentLinks; clock: Clock; log: Logger },
): void {
  const perLink = new RateLimiter(PER_LINK);
  const overall = new RateLimiter(OVERALL);
  const router = express.Router();

  router.use((_req, res, next) => {
    res.set({
      'content-security-policy': `default-src 'none'; style-src ${PARENT_PAGE_STYLE_HASH}; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    next();
  });

  const send = (res: Response, status: number, html: string) => res.status(status).type('html').send(html);

  const invalidLink = (res: Response, texts: ParentPageTexts) =>
    send(res, 404, parentMessagePage(texts, texts.invalidLinkTitle, texts.invalidLink, null));

  /** The link's meeting and municipality, or null for anything this deployment did not sign. */
  async function resolve(req: Request) {
    const municipality = String(req.params.municipality ?? '');
    const link = deps.links.read(municipality, String(req.params.token ?? ''));
    if (!link) return null;
    const row = await deps.store.municipalities.get(municipality);
    return row ? { link, m: resolveMunicipality(row) } : null;
  }

  const answeredHere = (req: Request) =>
    (req.headers.cookie ?? '').split(';').some((c) => c.trim() === `${COOKIE}=1`);

  router.get('/:municipality/:token', async (req, res, next) => {
    const texts = parentPageTexts(req.query.lang);
    try {
      const target = await resolve(req);
      if (!target) return invalidLink(res, texts);
      if (answeredHere(req))
        return send(res, 200, parentMessagePage(texts, texts.alreadyTitle, texts.alreadyBody, req.path));
      const opened = await openParentForm(deps.store, target.m, target.link, deps.clock.now());
      if (!opened.ok) {
        const code = opened.problems[0]?.code ?? 'invalid';
        return send(
          res,
          STATUS[code] ?? 400,
          parentMessagePage(texts, texts.refusedTitle, parentProblemText(texts, code), req.path),
        );
      }
      return send(res, 200, parentFormPage({ texts, ...opened.value, path: req.baseUrl + req.path }));
    } catch (err) {
      next(err);
    }
  });

  router.post(
    '/:municipality/:token',
    express.urlencoded({ extended: false, limit: PARENT_BODY_LIMIT, parameterLimit: 50 }),
    async (req, res, next) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const texts = parentPageTexts(body.lang ?? req.query.lang);
      try {
        const now = deps.clock.now();
        const wait = Math.max(
          overall.take('all', now.getTime()),
          perLink.take(String(req.params.token), now.getTime()),
        );
        if (wait > 0) {
          res.set('retry-after', String(wait));
          return send(res, 429, parentMessagePage(texts, texts.refusedTitle, texts.tooMany, null));
        }
        const target = await resolve(req);
        if (!target) return invalidLink(res, texts);
        const path = req.baseUrl + req.path;
        if (answeredHere(req))
          return send(res, 200, parentMessagePage(texts, texts.alreadyTitle, texts.alreadyBody, path));
        const result = await submitParentAnswer(deps.store, target.m, target.link, body, now);
        if (result.ok) {
          res.cookie(COOKIE, '1', {
            path,
            httpOnly: true,
            sameSite: 'strict',
            secure: req.secure || req.protocol === 'https',
            expires: target.link.expiresAt,
          });
          deps.log.info({ meetingId: target.link.meetingId }, "parent's answer stored");
          return send(res, 200, parentMessagePage(texts, texts.thanksTitle, texts.thanksBody, null));
        }
        const problems = result.refusal.problems.map((p) => ({ field: p.field, code: p.code ?? 'invalid' }));
        if (!result.view) {
          const code = problems[0]?.code ?? 'invalid';
          return send(
            res,
            STATUS[code] ?? 400,
            parentMessagePage(texts, texts.refusedTitle, parentProblemText(texts, code), path),
          );
        }
        // A CPR number is never sent back: a value holding one comes back empty, whatever else is wrong with it.
        const cprFields = new Set(
          Object.entries(body)
            .filter(([, v]) => typeof v === 'string' && findCpr(v) !== null)
            .map(([k]) => k),
        );
        const values = Object.fromEntries(Object.entries(body).filter(([k]) => !cprFields.has(k)));
        return send(
          res,
          422,
          parentFormPage({ texts, ...result.view, path, values, problems, cprRemoved: cprFields.size > 0 }),
        );
      } catch (err) {
        next(err);
      }
    },
  );

  // Any other path under /p is a link typed or scanned wrong; express's own 404 would echo the path.
  router.use((req, res) => invalidLink(res, parentPageTexts(req.query.lang)));

  // What a body parser refuses (too large, not readable; the server-wide JSON parser runs before this
  // router) and anything unforeseen, as a page.
  const pageError = (err: Error & { status?: number }, req: Request, res: Response, _next: NextFunction) => {
    const texts = parentPageTexts(req.query.lang);
    if (err.status === 413)
      return send(res, 413, parentMessagePage(texts, texts.refusedTitle, texts.tooLarge, null));
    if (err.status && err.status >= 400 && err.status < 500)
      return send(res, 400, parentMessagePage(texts, texts.refusedTitle, texts.invalidLink, null));
    deps.log.error({ err: redactCpr(String(err.stack ?? err)) }, 'parent page failed');
    return send(res, 503, parentMessagePage(texts, texts.refusedTitle, texts.unavailable, null));
  };

  app.use('/p', router, pageError);
}
