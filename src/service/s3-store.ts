import type { Readable } from 'node:stream';
import { BriefingError } from '../errors.js';
import type { S3Location } from './shared-store.js';

/** An object read from the store. */
export interface StoredObject {
  body: Buffer;
  etag: string;
}

/** A stream of an object or of a byte range of it. */
export interface ObjectStream {
  body: Readable;
  /** `bytes start-end/size` when a range was asked for and served. */
  contentRange?: string;
  contentLength: number;
  etag?: string;
  lastModified?: Date;
}

/** Conditions of a write: `ifMatch` an ETag, or `ifNoneMatch: '*'` for "only if absent". */
export interface WriteCondition {
  ifMatch?: string;
  ifNoneMatch?: '*';
}

/** True for the error of a conditional write whose condition did not hold (the object changed since it was read). */
export function isWriteConflict(error: unknown): boolean {
  const cause = (error as { cause?: unknown })?.cause;
  const status = failure(cause).status;
  return status === 412 || status === 409;
}

/** The store's error name and HTTP status, when the SDK gave them. */
function failure(error: unknown): { name: string; status: number | undefined } {
  const value = error as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  return { name: value.Code ?? value.name ?? 'Error', status: value.$metadata?.httpStatusCode };
}

/**
 * The bucket and prefix of an S3 store, through `@aws-sdk/client-s3`
 * (loaded on first use only): whole-object reads and writes with optional
 * conditions, ranged streams, listing. Credentials come from the SDK's usual
 * chain (`AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`, profiles, roles).
 */
export class S3Store {
  private constructor(
    readonly location: S3Location,
    private readonly sdk: typeof import('@aws-sdk/client-s3'),
    private readonly client: import('@aws-sdk/client-s3').S3Client,
  ) {}

  /** Connects (lazily: no request is made until the first call). */
  static async open(location: S3Location): Promise<S3Store> {
    const sdk = await import('@aws-sdk/client-s3');
    const client = new sdk.S3Client({
      region: location.region,
      ...(location.endpoint ? { endpoint: location.endpoint, forcePathStyle: true } : {}),
      // Checksums only where S3 requires them: many S3-compatible stores refuse the trailing-checksum encoding.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    return new S3Store(location, sdk, client);
  }

  /** The full object key of `name` under the prefix. */
  key(name: string): string {
    return this.location.prefix === '' ? name : `${this.location.prefix}/${name}`;
  }

  /** How the store is named in messages. */
  describe(name = ''): string {
    return `s3://${this.location.bucket}/${this.key(name)}`;
  }

  private wrap(error: unknown, name: string, action: string): BriefingError {
    const { name: code, status } = failure(error);
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return new BriefingError('OUTPUT_FAILED', `${this.describe(name)}: cannot ${action} (${code}${status ? ` ${status}` : ''}: ${message})`, { cause: error });
  }

  /** The whole object `name`, or undefined when there is none. */
  async get(name: string): Promise<StoredObject | undefined> {
    try {
      const answer = await this.client.send(new this.sdk.GetObjectCommand({ Bucket: this.location.bucket, Key: this.key(name) }));
      const body = Buffer.from(await answer.Body!.transformToByteArray());
      return { body, etag: answer.ETag ?? '' };
    } catch (error) {
      const { name: code, status } = failure(error);
      if (status === 404 || code === 'NoSuchKey' || code === 'NotFound') return undefined;
      throw this.wrap(error, name, 'read');
    }
  }

  /**
   * A stream of `name`, or of `range` (an HTTP `Range` value) of it;
   * undefined when there is no such object, 'unsatisfiable' for a range
   * outside it.
   */
  async stream(name: string, range?: string): Promise<ObjectStream | 'unsatisfiable' | undefined> {
    try {
      const answer = await this.client.send(new this.sdk.GetObjectCommand({ Bucket: this.location.bucket, Key: this.key(name), ...(range ? { Range: range } : {}) }));
      return {
        body: answer.Body as Readable,
        contentLength: answer.ContentLength ?? 0,
        ...(answer.ContentRange ? { contentRange: answer.ContentRange } : {}),
        ...(answer.ETag ? { etag: answer.ETag } : {}),
        ...(answer.LastModified ? { lastModified: answer.LastModified } : {}),
      };
    } catch (error) {
      const { name: code, status } = failure(error);
      if (status === 404 || code === 'NoSuchKey') return undefined;
      if (status === 416 || code === 'InvalidRange') return 'unsatisfiable';
      throw this.wrap(error, name, 'read');
    }
  }

  /** Size and ETag of `name`, or undefined when there is none. */
  async head(name: string): Promise<{ size: number; etag: string; lastModified?: Date } | undefined> {
    try {
      const answer = await this.client.send(new this.sdk.HeadObjectCommand({ Bucket: this.location.bucket, Key: this.key(name) }));
      return { size: answer.ContentLength ?? 0, etag: answer.ETag ?? '', ...(answer.LastModified ? { lastModified: answer.LastModified } : {}) };
    } catch (error) {
      const { name: code, status } = failure(error);
      if (status === 404 || code === 'NotFound' || code === 'NoSuchKey') return undefined;
      throw this.wrap(error, name, 'read');
    }
  }

  /**
   * Writes `name` whole (an S3 object appears whole or not at all).
   *
   * @throws BriefingError `OUTPUT_FAILED`; `OUTPUT_CONFLICT` when `condition` did not hold
   */
  async put(name: string, body: Buffer, contentType: string, condition: WriteCondition = {}): Promise<void> {
    try {
      await this.client.send(
        new this.sdk.PutObjectCommand({
          Bucket: this.location.bucket,
          Key: this.key(name),
          Body: body,
          ContentType: contentType,
          ...(condition.ifMatch ? { IfMatch: condition.ifMatch } : {}),
          ...(condition.ifNoneMatch ? { IfNoneMatch: condition.ifNoneMatch } : {}),
        }),
      );
    } catch (error) {
      const { status } = failure(error);
      if (status === 412 || status === 409) throw new BriefingError('OUTPUT_FAILED', `${this.describe(name)}: changed by another writer while publishing; the job will try again`, { cause: error });
      throw this.wrap(error, name, 'write');
    }
  }

  /** Removes `name` (nothing when absent). */
  async delete(name: string): Promise<void> {
    try {
      await this.client.send(new this.sdk.DeleteObjectCommand({ Bucket: this.location.bucket, Key: this.key(name) }));
    } catch (error) {
      throw this.wrap(error, name, 'remove');
    }
  }

  /** The names of the "folders" directly under the prefix (without the trailing slash). */
  async folders(): Promise<string[]> {
    const found: string[] = [];
    const base = this.key('');
    let token: string | undefined;
    try {
      do {
        const answer = await this.client.send(
          new this.sdk.ListObjectsV2Command({ Bucket: this.location.bucket, Prefix: base, Delimiter: '/', ...(token ? { ContinuationToken: token } : {}) }),
        );
        for (const entry of answer.CommonPrefixes ?? []) if (entry.Prefix) found.push(entry.Prefix.slice(base.length).replace(/\/$/, ''));
        token = answer.IsTruncated ? answer.NextContinuationToken : undefined;
      } while (token);
    } catch (error) {
      throw this.wrap(error, '', 'list');
    }
    return found;
  }

  /** Closes the connections. */
  close(): void {
    this.client.destroy();
  }
}
