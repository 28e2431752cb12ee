/** The header that carries each request's id, echoed on every response (SSE streams included). */
export const REQUEST_ID_HEADER = 'x-request-id';
