/** Schools and young people: the schools register, what events reached, 区教育局's view. */
export * from './youth';
