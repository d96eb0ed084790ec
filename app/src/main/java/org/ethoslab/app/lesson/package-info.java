/** Reading lessons and case studies (Markdown rendered safely, math by KaTeX), completion and progress. */
package org.ethoslab.app.lesson;
