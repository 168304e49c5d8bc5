import type { Response } from 'express';

/**
 * A stand-in for the response object botbuilder's CloudAdapter writes to (status, header, send,
 * end), holding what it wrote so the HTTP edge can decide what the caller sees.
 */
export function bufferedResponse() {
  let status = 200;
  let body: unknown;
  const headers: Record<string, string> = {};
  const response = {
    status(code: number) {
      status = code;
      return response;
    },
    header(name: string, value: unknown) {
      headers[name] = String(value);
      return response;
    },
    send(b: unknown) {
      body = b;
      return response;
    },
    end() {
      return response;
    },
  };
  return {
    response: response as unknown as Response,
    result: () => ({ status, body }),
    flush(res: Response) {
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
      res.status(status);
      if (body === undefined) res.end();
      else if (typeof body === 'string' || Buffer.isBuffer(body)) res.send(body);
      else res.json(body);
    },
  };
}
