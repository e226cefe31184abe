import { calls, type SinkSpec } from '../../../src/sinks/catalog-types.js';
import { props, spec, aws } from './rows.js';

// ---- Object storage and files (egress, rule data-flow) ----

export const STORAGE: readonly SinkSpec[] = [
  ...aws(
    's3',
    'storage',
    'AWS S3',
    undefined,
    'S3',
    '@aws-sdk/client-s3',
    {
      PutObjectCommand: props(0, 'Body', 'Metadata', 'Key'),
      UploadPartCommand: props(0, 'Body'),
    },
    { putObject: props(0, 'Body', 'Metadata', 'Key'), upload: props(0, 'Body', 'Metadata', 'Key') },
    { index: 0, property: 'Bucket' },
  ),
  spec(
    's3',
    'storage',
    'AWS S3',
    undefined,
    ['@aws-sdk/lib-storage'],
    [
      {
        path: 'Upload',
        on: 'new',
        args: props(0, 'params.Body', 'params.Metadata', 'params.Key'),
        name: { index: 0, property: 'params.Bucket' },
      },
    ],
  ),
  // Storage handed to a library: multer({ storage: multerS3({ s3, bucket }) }) stores every upload in S3
  spec(
    's3',
    'storage',
    'AWS S3 (multer-s3)',
    undefined,
    ['multer-s3'],
    [{ path: '^', args: [], storesLater: true, collects: 'user.content', name: { index: 0, property: 'bucket' } }],
  ),
  spec(
    'gcs',
    'storage',
    'Google Cloud Storage (multer)',
    undefined,
    ['multer-cloud-storage', 'multer-google-storage'],
    [{ path: ['^', '^default', 'MulterGoogleCloudStorage'], on: 'new', args: [], storesLater: true, collects: 'user.content' }],
  ),
  spec(
    'gcs',
    'storage',
    'Google Cloud Storage',
    undefined,
    ['@google-cloud/storage', 'firebase-admin', 'firebase-admin/*'],
    [{ path: ['file().save', 'createWriteStream().write', 'createWriteStream().end'], args: [0], name: { site: 'bucket', index: 0 } }],
  ),
  spec(
    'firebase-storage',
    'storage',
    'Firebase Storage',
    undefined,
    ['firebase/storage', '@firebase/storage'],
    calls(['^uploadBytes', '^uploadString', '^uploadBytesResumable'], [1]),
  ),
  spec(
    'azure-blob',
    'storage',
    'Azure Blob Storage',
    undefined,
    ['@azure/storage-blob'],
    [...calls(['upload', 'uploadData', 'uploadStream', 'uploadBrowserData'], [0]), ...calls(['uploadBlockBlob', 'stageBlock'], [1])],
  ),
  spec(
    'supabase-storage',
    'storage',
    'Supabase Storage',
    undefined,
    ['@supabase/supabase-js', '@supabase/ssr'],
    [{ path: ['storage.from().upload', 'storage.from().update'], args: [0, 1], name: { site: 'from', index: 0 } }],
  ),
  spec('vercel-blob', 'storage', 'Vercel Blob', undefined, ['@vercel/blob'], calls(['^put'], [0, 1])),
  spec(
    'cloudinary',
    'storage',
    'Cloudinary',
    undefined,
    ['cloudinary'],
    calls(['uploader.upload', 'uploader.upload_stream', 'uploader.add_context'], [0]),
  ),
  spec(
    'fs',
    'file',
    'file system',
    undefined,
    ['fs', 'fs/promises', 'fs-extra', 'graceful-fs', 'original-fs'],
    [
      ...calls(
        [
          'writeFile',
          'writeFileSync',
          'appendFile',
          'appendFileSync',
          'write',
          'writeSync',
          'outputFile',
          'outputFileSync',
          'writeJson',
          'writeJSON',
          'writeJsonSync',
          'writeJSONSync',
          'outputJson',
          'outputJSON',
          'outputJsonSync',
        ],
        [1],
      ),
      ...calls(['createWriteStream().write', 'createWriteStream().end', 'open().write', 'open().writeFile', 'open().appendFile'], [0]),
    ],
  ),
];
