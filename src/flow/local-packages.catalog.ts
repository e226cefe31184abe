/**
 * Packages a call into which is not a vendor receiving data, as rows (names or `*` patterns, matched
 * against the package name): they compute locally (validation, formatting, UI state, templating,
 * hashing, test tools), or carry data between an app's own processes (Electron renderer to main
 * IPC, worker messaging), where the receiving side's own calls are what the review reports. A
 * catalogued package is excluded too: the catalogue already says which of its calls are sinks.
 */
export const LOCAL_PACKAGES: readonly string[] = [
  'better-auth', 'hono', '@hono/*', 'json2csv', '@json2csv/*', 'otplib', '@otplib/*', '@yornaath/batshit',
  'dataloader', 'p-limit', 'p-queue', 'p-retry', '@types/*', 'react', 'react-dom', 'react-native', 'next',
  'vue', 'svelte', 'preact', 'solid-js', '@angular/*', '@tanstack/*', '@radix-ui/*', '@mui/*',
  '@chakra-ui/*', '@headlessui/*', 'rxjs', 'lodash*', 'underscore', 'ramda', 'immer', 'zustand', 'jotai',
  'valtio', 'redux', '@reduxjs/*', 'react-redux', 'mobx*', 'date-fns*', 'dayjs', 'moment*', 'luxon', 'zod',
  'yup', 'joi', '@hapi/joi', 'superstruct', 'valibot', 'ajv', 'class-validator', 'class-transformer',
  'validator', 'uuid', 'nanoid', 'cuid', '@paralleldrive/cuid2', 'crypto-js', 'bcrypt', 'bcryptjs', 'argon2',
  'jsonwebtoken', 'jose', 'jwt-simple', 'fast-jwt', 'jwt-decode', '@node-rs/*', 'otpauth', 'speakeasy',
  'qrcode', 'express*', 'koa*', 'fastify*', '@fastify/*', 'hono', '@nestjs/*', '@trpc/*', 'next-auth*',
  '@auth/*', 'passport*', 'i18next', 'react-i18next', 'next-intl', '@lingui/*', 'sonner', 'react-hot-toast',
  'react-toastify', 'clsx', 'classnames', 'tailwind-merge', 'class-variance-authority', 'handlebars', 'ejs',
  'pug', 'mustache', 'marked', 'markdown-it', 'remark*', 'rehype*', 'unified', 'dompurify',
  'isomorphic-dompurify', 'sanitize-html', 'jsdom', 'cheerio', 'papaparse', 'xlsx', 'exceljs', 'csv*',
  'libphonenumber-js', 'google-libphonenumber', 'ua-parser-js', 'qs', 'query-string', 'superjson',
  'react-hook-form', '@hookform/*', 'formik', 'framer-motion', 'swr', 'graphql', 'graphql-tag', 'yaml',
  'js-yaml', 'semver', 'chalk', 'commander', 'yargs', 'inquirer', 'ora', 'fuse.js', 'minisearch', 'ms',
  'bytes', 'pluralize', 'slugify', 'mailchecker', 'email-validator', 'deep-equal', 'fast-deep-equal',
  'immutable', 'events', 'eventemitter3', 'mitt', 'zod-*', '@sinclair/*', 'ts-pattern', 'effect',
  '@effect/*', 'type-fest', 'tslib', 'reflect-metadata', 'inversify', 'tsyringe', 'typedi', 'jest', 'vitest',
  '@testing-library/*', 'sinon', 'chai', 'supertest', 'msw', '@faker-js/*', 'faker', '@playwright/*',
  'playwright', 'puppeteer', 'cypress',
  // In-process messaging: the data stays in the app; where the main process or worker sends it is reported there.
  'electron-ipc-decorator', '@egoist/tipc', 'electron-trpc', 'electron-better-ipc', 'comlink',
];
